/**
 * Instance deformation and its uses (the paper's Algorithms 2-4): recovering a random deformation
 * with the trained network into a generated field, augmenting image/label pairs and synthesising
 * registration triples into folders whose items are written atomically and skipped on a rerun.
 */
package dev.tangent.drdm.recover;

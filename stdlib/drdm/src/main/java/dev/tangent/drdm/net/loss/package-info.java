/** DRDM's training loss (distance, angle, regulariser) on engine arrays, with the reference's quirks selectable. */
package dev.tangent.drdm.net.loss;

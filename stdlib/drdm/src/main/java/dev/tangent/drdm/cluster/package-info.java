/**
 * drdm.augment and drdm.synthesize_registration over a spark session (session: s): the images as
 * a distributed collection, one image's outputs as spark's ItemWork on an executor. The only
 * package of drdm that touches tangent-spark (an optional dependency) and so Spark; it is loaded
 * only when a call is given a session.
 */
package dev.tangent.drdm.cluster;

/**
 * Sections, the parts of a network between two node layers, with forward passes and
 * vector-Jacobian products: gated linear maps (MLP layers, residual MLPs, linear maps), attention
 * with the residual stream, and compositions of sections.
 */
package dev.tangent.lib.section;

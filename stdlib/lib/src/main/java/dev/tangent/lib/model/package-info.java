/**
 * Networks as LIB sees them: node layers, sections, the prefix from the input to the first node
 * layer, bias folding, and the TransformerLens-layout transformer cut at rib's node layers.
 */
package dev.tangent.lib.model;

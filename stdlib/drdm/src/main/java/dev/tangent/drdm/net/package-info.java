/**
 * DRDM's recovery network on DJL's PyTorch engine: {@link dev.tangent.drdm.net.RecResACNet} (an nn
 * Block with PyTorch's parameter names), its loader, the checks on what it is called with, and the
 * script-facing implementations of drdm.network, load_network, stn and the losses. Sub-packages:
 * layers (the network's parts), warp (the differentiable spatial transformer), loss (the training
 * loss).
 */
package dev.tangent.drdm.net;

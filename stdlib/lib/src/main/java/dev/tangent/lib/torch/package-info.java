/**
 * The boundary to the nn module and DJL: nn's models as LibModels, and sections differentiated by
 * libtorch's autograd. Only classes here name DJL types; they load when a build uses an nn model.
 */
package dev.tangent.lib.torch;

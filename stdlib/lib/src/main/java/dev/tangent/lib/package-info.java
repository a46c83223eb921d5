/**
 * The lib module: the Local Interaction Basis (Bushnaq et al. 2024) as Tangent built-ins.
 * {@link dev.tangent.lib.LibModule} and {@link dev.tangent.lib.LibExports} declare the exports
 * without touching DJL, ND4J or OpenBLAS; BuildFunctions, ResultFunctions, AblationFunctions,
 * ModAddFunctions and LibPlots implement them on the sub-packages, with LibArgs's argument checks.
 */
package dev.tangent.lib;

/** Modular-addition data and PyTorch's CPU generator (randperm, random_split), reproduced exactly. */
package dev.tangent.lib.data;

/** The LibResult value and its .npz files (results and shard accumulators). */
package dev.tangent.lib.result;

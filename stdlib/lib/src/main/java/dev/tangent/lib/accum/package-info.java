/** Mergeable sums over the data: moments (Chan's update), gate statistics, and matrix sums with their counts. */
package dev.tangent.lib.accum;

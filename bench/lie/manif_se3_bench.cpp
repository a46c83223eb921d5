// manif's SE(3) kernels timed the way stdlib/lie's Se3CpuTimer times ours, so the two can be
// compared on one machine (docs/benchmarks.md, "Lie kernels").
//
// Same calls and inputs as dev.tangent.lie.bench.Se3KernelBench: each call takes the next of 1024
// random elements (SE3d::Random(), SE3Tangentd::Random(), points in [-1,1]^3, the distributions our
// G.random / G.randomTangent draw from) and writes into fixed outputs; Jacobians are requested
// through manif's API (compose(Y, J_Z_X, J_Z_Y), exp(J), log(J), rminus(X, J_Y, J_X),
// act(p, J_q_X, J_q_p), rplus(t, J_X, J_t), inverse(J)). Each op: 5 warm-up runs, then 9 runs of
// CALLS calls timed by the thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID)); prints the
// median (and min, max) in ns per call, plus the median wall time for reference.
//
// Build and run: bench/lie/se3_vs_manif.sh (alternates with bench/lie/lie_bench.sh cpu). By hand:
//   Eigen 3.4:  apt-get download libeigen3-dev && dpkg -x libeigen3-dev_*.deb eigen
//               (headers in eigen/usr/include/eigen3)
//   manif:      headers of https://github.com/artivis/manif (header-only: include/ plus the
//               bundled tl::optional in external/tl/tl/optional.hpp). The figures in
//               docs/benchmarks.md used main-line headers reassembled from a stored copy of the
//               repository, not one checkout: se3/SE3_base.h, so3/SO3_base.h,
//               so3/SO3Tangent_base.h and impl/eigen.h as of commit
//               62e9a5f220f05feeef7985113369a9c36a8780d6; se3/SE3Tangent_base.h, lie_group_base.h,
//               macro.h and the SE3/SO3 map headers as of a62d4caeddd648abf128afa772b42718d190bb4b.
//   g++ -std=c++17 -O3 -march=native -DNDEBUG -I eigen/usr/include/eigen3 -I manif/include
//       -I manif/external/tl bench/lie/manif_se3_bench.cpp -o se3_bench      (one command)
//   ./se3_bench [ops...]        (default: all ops; CALLS=n overrides 2000000 calls per run)
#include <manif/SE3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <vector>

namespace {

using manif::SE3d;
using manif::SE3Tangentd;

// Keeps the compiler from dropping or hoisting the stores of a call (cf. benchmark::ClobberMemory).
inline void clobber(const void* p) { asm volatile("" : : "r"(p) : "memory"); }

double threadCpuNs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

double wallNs() {
  return std::chrono::duration<double, std::nano>(
      std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Bench {
  static constexpr unsigned N = 1024;

  std::vector<SE3d> xs, ys;
  std::vector<SE3Tangentd> taus;
  std::vector<Eigen::Vector3d> ps;

  SE3d out;
  SE3Tangentd tau;
  Eigen::Vector3d pt;
  SE3d::Jacobian ja, jb;
  Eigen::Matrix<double, 3, 6> jx;
  Eigen::Matrix3d jp;
  unsigned i = 0;

  Bench() {
    std::srand(42);  // manif's Random() draws from rand() and Eigen's internal::random (rand())
    for (unsigned k = 0; k < N; ++k) {
      xs.push_back(SE3d::Random());
      ys.push_back(SE3d::Random());
      taus.push_back(SE3Tangentd::Random());
      ps.push_back(Eigen::Vector3d::Random());
    }
    out = SE3d::Identity();
    tau.setZero();
    pt.setZero();
    ja.setZero();
    jb.setZero();
    jx.setZero();
    jp.setZero();
  }

  unsigned next() { return i = (i + 1) & (N - 1); }

  // One call each, as in Se3KernelBench.
  void baseline()   { out.coeffs()(0) = next(); clobber(this); }
  void compose()    { unsigned k = next(); out = xs[k].compose(ys[k]); clobber(this); }
  void composeJac() { unsigned k = next(); out = xs[k].compose(ys[k], ja, jb); clobber(this); }
  void exp()        { unsigned k = next(); out = taus[k].exp(); clobber(this); }
  void expJac()     { unsigned k = next(); out = taus[k].exp(ja); clobber(this); }
  void log()        { unsigned k = next(); tau = xs[k].log(); clobber(this); }
  void logJac()     { unsigned k = next(); tau = xs[k].log(ja); clobber(this); }
  void rminusJac()  { unsigned k = next(); tau = ys[k].rminus(xs[k], ja, jb); clobber(this); }
  void actJac()     { unsigned k = next(); pt = xs[k].act(ps[k], jx, jp); clobber(this); }
  void rplusJac()   { unsigned k = next(); out = xs[k].rplus(taus[k], ja, jb); clobber(this); }
  void inverseJac() { unsigned k = next(); out = xs[k].inverse(ja); clobber(this); }

  double checksum() const {
    return out.coeffs().sum() + tau.coeffs().sum() + pt.sum() + ja.sum() + jb.sum() + jx.sum() +
           jp.sum();
  }
};

using Method = void (Bench::*)();

template <Method M>
__attribute__((noinline)) void loop(Bench& b, long n) {
  for (long c = 0; c < n; ++c) (b.*M)();
}

struct Op {
  const char* name;
  void (*run)(Bench&, long);
};

const Op OPS[] = {
    {"baseline", loop<&Bench::baseline>},     {"compose", loop<&Bench::compose>},
    {"composeJac", loop<&Bench::composeJac>}, {"exp", loop<&Bench::exp>},
    {"expJac", loop<&Bench::expJac>},         {"log", loop<&Bench::log>},
    {"logJac", loop<&Bench::logJac>},         {"rminusJac", loop<&Bench::rminusJac>},
    {"actJac", loop<&Bench::actJac>},         {"rplusJac", loop<&Bench::rplusJac>},
    {"inverseJac", loop<&Bench::inverseJac>},
};

}  // namespace

int main(int argc, char** argv) {
  const long calls = std::getenv("CALLS") ? std::atol(std::getenv("CALLS")) : 2000000;
  Bench b;
  double sink = 0;
  std::printf("manif SE3d, %ld calls per run, 5 warm-up + 9 measured runs\n", calls);
  for (const Op& op : OPS) {
    if (argc > 1 && std::none_of(argv + 1, argv + argc,
                                 [&](const char* a) { return std::strcmp(a, op.name) == 0; }))
      continue;
    for (int w = 0; w < 5; ++w) op.run(b, calls);
    double cpu[9], wall[9];
    for (int r = 0; r < 9; ++r) {
      const double w0 = wallNs(), c0 = threadCpuNs();
      op.run(b, calls);
      cpu[r] = (threadCpuNs() - c0) / calls;
      wall[r] = (wallNs() - w0) / calls;
    }
    std::sort(cpu, cpu + 9);
    std::sort(wall, wall + 9);
    sink += b.checksum();
    std::printf("%-11s %8.1f ns/op (cpu time, median of 9; min %.1f, max %.1f; wall median %.1f)\n",
                op.name, cpu[4], cpu[0], cpu[8], wall[4]);
  }
  if (sink == 42.4242) std::printf("%f\n", sink);
  return 0;
}

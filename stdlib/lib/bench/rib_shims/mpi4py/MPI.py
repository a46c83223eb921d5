"""Single-process stand-in for mpi4py.MPI (the benchmark runs one process, as rib does without mpirun)."""
class _Comm:
    def Get_size(self): return 1
    def Get_rank(self): return 0
    def Split_type(self, *a, **k): return self
    def Split(self, *a, **k): return self
    def Barrier(self): pass
    def barrier(self): pass
    def allreduce(self, x, op=None): return x
    def bcast(self, x, root=0): return x
    def gather(self, x, root=0): return [x]
    def allgather(self, x): return [x]
COMM_WORLD = _Comm()
COMM_TYPE_SHARED = 0
SUM = None
def Get_processor_name(): return "localhost"
Intracomm = _Comm
Comm = _Comm

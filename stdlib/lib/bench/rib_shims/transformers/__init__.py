class AutoTokenizer:
    @staticmethod
    def from_pretrained(*a, **k): raise RuntimeError("transformers is not installed (not needed for mod-add)")

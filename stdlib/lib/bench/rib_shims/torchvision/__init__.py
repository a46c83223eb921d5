"""Import shim: torchvision only loads image datasets in rib, not used for mod-add."""
datasets = None
transforms = None

def first = new File(basedir, 'target/first/reproducible-1.0.0.oab')
def second = new File(basedir, 'target/second/reproducible-1.0.0.oab')
assert first.isFile() && second.isFile()
assert first.bytes == second.bytes : 'two builds of the same project must give byte-identical bundles'
return true

def log = new File(basedir, 'build.log').text
def bundle = new File(basedir, 'target/minimal-1.0.0.oab')
assert bundle.isFile()
assert new File(basedir, 'target/minimal-1.0.0.oab.asc').isFile()
assert log.contains('Packed minimal 1.0.0: 3 files')
assert log.contains('unsigned')
assert log.contains("Signed ${bundle} as 'producer' (.oab/signatures/producer.sig)")
def installed = new File(localRepositoryPath, 'dev/oab/it/minimal/1.0.0')
assert new File(installed, 'minimal-1.0.0.oab').bytes == bundle.bytes
assert new File(installed, 'minimal-1.0.0.oab.asc').isFile()
assert log.contains("Verified dev.oab.it:minimal:oab:1.0.0: 3 files intact, signed by ['producer']")
return true

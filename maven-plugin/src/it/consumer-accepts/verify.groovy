def log = new File(basedir, 'build.log').text
assert log.contains("Verified dev.oab.it:producer:oab:1.0.0: 3 files intact, signed by ['producer']")
def unpacked = new File(basedir, 'target/oab/producer')
assert new File(unpacked, 'oab.json').isFile()
assert new File(unpacked, 'model/weights.bin').text.startsWith('Hello weights')
return true

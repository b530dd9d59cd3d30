def log = new File(basedir, 'build.log').text
assert log.contains('dev.oab.it:producer:oab:1.0.0 (')
assert log.contains('FAILED verification')
assert log.contains('model/weights.bin')
assert !new File(basedir, 'target/oab').exists()
return true

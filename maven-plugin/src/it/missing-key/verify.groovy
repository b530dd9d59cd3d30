def log = new File(basedir, 'build.log').text
assert log.contains('<signingKey> (oab.signingKey): the signing key ')
assert log.contains('no-such-key.pem does not exist')
assert !new File(basedir, 'target/missing-key-1.0.0.oab').exists()
return true

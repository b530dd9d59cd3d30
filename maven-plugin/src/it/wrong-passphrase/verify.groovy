def log = new File(basedir, 'build.log').text
assert log.contains('<signingKey> (oab.signingKey): ')
assert log.toLowerCase().contains('passphrase')
assert !new File(basedir, 'target/wrong-passphrase-1.0.0.oab').exists()
return true

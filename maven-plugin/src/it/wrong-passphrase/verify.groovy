def log = new File(basedir, 'build.log').text
assert log.contains('<signingKey> (oab.signingKey): ')
assert log.contains('encrypted.private.pem is encrypted and the passphrase from the environment variable '
        + 'OAB_KEY_PASSPHRASE does not decrypt it')
assert !new File(basedir, 'target/wrong-passphrase-1.0.0.oab').exists()
return true

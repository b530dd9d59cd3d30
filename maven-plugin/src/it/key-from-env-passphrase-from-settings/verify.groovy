def log = new File(basedir, 'build.log').text
assert log.contains("Packed key-from-env-passphrase-from-settings 1.0.0: 2 files")
assert log.contains("signed as 'producer'")
assert new File(basedir, 'target/key-from-env-passphrase-from-settings-1.0.0.oab').isFile()
return true

assert new File(basedir, 'build.log').text.contains('Skipping OAB bundle (oab.skip)')
assert !new File(basedir, 'target/skip-1.0.0.oab').exists()
return true

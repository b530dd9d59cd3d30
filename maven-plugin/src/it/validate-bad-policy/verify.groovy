def log = new File(basedir, 'build.log').text
assert log.contains('<policy> (oab.policy): ')
assert log.contains('registry-policy.json: no such policy file')
assert !log.contains('no bundle to validate')
return true

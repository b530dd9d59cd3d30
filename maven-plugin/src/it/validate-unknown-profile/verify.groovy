def log = new File(basedir, 'build.log').text
assert log.contains("<profile> (oab.profile): unknown profile 'mof-class-iv'; the built-in profiles are mof-class-iii, mof-class-ii, mof-class-i, osaid-1.0, oab-full (or pass a policy file with <policy> (oab.policy))")
assert !log.contains('no bundle to validate')
assert !new File(basedir, 'target/validate-unknown-profile-1.0.0.validation.json').exists()
return true

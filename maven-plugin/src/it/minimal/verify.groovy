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

// The .asc is an ordinary OpenPGP detached signature: gpg checks it with the published key.
def home = new File(basedir, 'target/gnupg')
home.mkdirs()
home.setReadable(false, false); home.setReadable(true, true)
home.setWritable(false, false); home.setWritable(true, true)
home.setExecutable(false, false); home.setExecutable(true, true)
def gpg = { List<String> args ->
    def p = (['gpg', '--batch', '--homedir', home.path] + args).execute()
    def out = new StringBuilder()
    p.waitForProcessOutput(out, out)
    assert p.exitValue() == 0 : "gpg ${args}: ${out}"
    out.toString()
}
def keys = new File(basedir, '../../../src/it/keys').canonicalFile
gpg(['--import', new File(keys, 'pgp.public.asc').path])
def report = gpg(['--verify', new File(basedir, 'target/minimal-1.0.0.oab.asc').path, bundle.path])
assert report.contains('Good signature') : report
return true

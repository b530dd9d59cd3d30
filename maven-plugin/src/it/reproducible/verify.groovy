def first = new File(basedir, 'target/first/reproducible-1.0.0.oab')
def second = new File(basedir, 'target/second/reproducible-1.0.0.oab')
assert first.isFile() && second.isFile()
assert first.bytes == second.bytes : 'two builds of the same project must give byte-identical bundles'
// The bills of materials written beside the bundle are as reproducible as the bundle.
['reproducible-1.0.0.cdx.json', 'reproducible-1.0.0.spdx.json'].each { name ->
    def a = new File(basedir, 'target/first/' + name)
    def b = new File(basedir, 'target/second/' + name)
    assert a.isFile() && b.isFile() : name + ' was not written'
    assert a.bytes == b.bytes : name + ' differs between two builds'
}
assert new File(basedir, 'target/first/reproducible-1.0.0.cdx.json').text.contains('"specVersion" : "1.6"')
assert new File(basedir, 'target/first/reproducible-1.0.0.spdx.json').text.contains('"@context" : "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"')
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Wrote cyclonedx description ')
return true

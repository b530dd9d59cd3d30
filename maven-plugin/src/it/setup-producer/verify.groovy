import java.security.MessageDigest
import java.util.Arrays

def repos = new File(basedir, '../../it-repos').canonicalFile
def dir = 'dev/oab/it/producer/1.0.0'
['trusted', 'untrusted'].each { repo ->
    assert new File(repos, "$repo/$dir/producer-1.0.0.oab").isFile()
    assert new File(repos, "$repo/$dir/producer-1.0.0.oab.asc").isFile()
}

// it-repos/tampered: the trusted repository after someone changed one byte of the bundle's
// weights and, as an attacker with write access would, fixed the repository checksums.
def tampered = new File(repos, 'tampered')
tampered.deleteDir()
def source = new File(repos, 'trusted').toPath()
java.nio.file.Files.walk(source).withCloseable { paths ->
    paths.each { p ->
        def target = tampered.toPath().resolve(source.relativize(p).toString())
        if (java.nio.file.Files.isDirectory(p)) {
            java.nio.file.Files.createDirectories(target)
        } else {
            java.nio.file.Files.copy(p, target)
        }
    }
}
def bundle = new File(tampered, "$dir/producer-1.0.0.oab")
byte[] bytes = bundle.bytes
def marker = 'Hello weights'.getBytes('UTF-8')
int at = -1
for (int i = 0; i <= bytes.length - marker.length && at < 0; i++) {
    if (Arrays.equals(Arrays.copyOfRange(bytes, i, i + marker.length), marker)) {
        at = i
    }
}
assert at >= 0 : 'the weights are stored uncompressed, so their bytes are in the bundle'
bytes[at] = (byte) 'J'
bundle.bytes = bytes
['md5': 'MD5', 'sha1': 'SHA-1', 'sha256': 'SHA-256', 'sha512': 'SHA-512'].each { ext, algorithm ->
    def sum = new File(bundle.path + '.' + ext)
    if (sum.exists()) {
        sum.text = MessageDigest.getInstance(algorithm).digest(bytes).encodeHex().toString()
    }
}
return true

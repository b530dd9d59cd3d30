// Resolve the producer's bundle from this test's repository, not from an earlier test's download.
def cached = new File(localRepositoryPath, 'dev/oab/it/producer')
if (cached.exists()) {
    assert cached.deleteDir()
}
return true

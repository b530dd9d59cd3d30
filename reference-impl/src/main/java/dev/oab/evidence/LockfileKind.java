package dev.oab.evidence;

/** The dependency lists and lockfiles OAB reads from a bundle's {@code env/} directory. */
public enum LockfileKind {
    /** pip {@code requirements*.txt} / {@code constraints*.txt}, pins with {@code ==}, with or without {@code --hash}. */
    REQUIREMENTS_TXT,
    /** Poetry {@code poetry.lock}. */
    POETRY_LOCK,
    /** uv {@code uv.lock}. */
    UV_LOCK,
    /** Pipenv {@code Pipfile.lock}. */
    PIPFILE_LOCK,
    /** conda {@code environment.yml} (conda specs and a {@code pip:} list). */
    CONDA_ENVIRONMENT,
    /** npm {@code package-lock.json} or {@code npm-shrinkwrap.json}. */
    NPM_PACKAGE_LOCK,
    /** The output of {@code mvn dependency:list}. */
    MAVEN_DEPENDENCY_LIST,
    /** A Maven {@code pom.xml}, whose dependencies must carry explicit versions. */
    MAVEN_POM,
    /** Cargo {@code Cargo.lock}. */
    CARGO_LOCK,
    /** Go {@code go.sum}. */
    GO_SUM,
    /** Not a format OAB knows. */
    UNKNOWN
}

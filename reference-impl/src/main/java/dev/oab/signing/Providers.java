package dev.oab.signing;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * One BouncyCastle provider instance, passed explicitly to JCA calls. OAB never registers it
 * globally: a library must not change the security providers of the application that embeds it.
 */
final class Providers {

    static final Provider BC = new BouncyCastleProvider();

    private Providers() {
    }
}

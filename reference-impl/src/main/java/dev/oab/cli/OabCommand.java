package dev.oab.cli;

public final class OabCommand {
    public static void main(String[] args) {
    }
}

package com.ultibiker.platform;

import com.pulumi.Pulumi;

/** Entry point for {@code pulumi up}: runs {@link PlatformStack#deploy} under the Pulumi engine. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(PlatformStack::deploy);
    }
}

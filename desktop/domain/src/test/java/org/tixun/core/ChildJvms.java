// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way tests start a child JVM: this JVM's {@code java}, the test class path as surefire gives it
 * ({@code surefire.test.class.path}: under surefire {@code java.class.path} may be a manifest-only booter jar whose
 * relative entries do not resolve from another working directory), UTF-8 and the given options.
 */
public final class ChildJvms {
    private ChildJvms() {
    }

    /** The test class path a child JVM runs on. */
    public static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** This JVM's {@code java} binary. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <jvmOptions> -Dfile.encoding=UTF-8 -cp <test class path> <mainClass> <args>}. */
    public static List<String> command(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmOptions);
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** As {@link #command(List, String, List)} for a main class of the tests. */
    public static List<String> command(Class<?> main, String... args) {
        return command(List.of(), main.getName(), List.of(args));
    }
}

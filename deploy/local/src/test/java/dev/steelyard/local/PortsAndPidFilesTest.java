package dev.steelyard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsAndPidFilesTest {

    @TempDir
    Path run;

    @Test
    void aPortInUseIsNotFreeAndItsHolderIsNamed() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertFalse(Ports.isFree(socket.getLocalPort()));
            assumeTrue(Files.exists(Path.of("/proc/net/tcp")), "needs Linux /proc");
            assertTrue(Ports.describeHolder(socket.getLocalPort()).startsWith("pid " + ProcessHandle.current().pid() + " ("));
        }
    }

    @Test
    void aPidFileFindsItsLiveProcessButNotALaterOneThatReusedTheNumber() throws Exception {
        PidFiles pids = new PidFiles(run);
        pids.write("me", ProcessHandle.current().pid());
        assertEquals(ProcessHandle.current().pid(), pids.alive("me").orElseThrow().pid());
        assertEquals(1, pids.allAlive().size());

        // Written a day before this JVM started: the number now belongs to someone else.
        Files.setLastModifiedTime(run.resolve("me.pid"), FileTime.from(
                ProcessHandle.current().info().startInstant().orElseThrow().minusSeconds(86_400)));
        assertTrue(pids.alive("me").isEmpty());

        pids.deleteAll();
        assertTrue(pids.allAlive().isEmpty());
        assertFalse(Files.exists(run.resolve("me.pid")));
    }

    @Test
    void aPidFileOfAFinishedProcessFindsNothing() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        PidFiles pids = new PidFiles(run);
        pids.write("gone", finished.pid());
        assertTrue(pids.alive("gone").isEmpty());
    }
}

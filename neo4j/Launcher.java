// A local Neo4j Community server for development and the test-suite: one embedded DBMS per
// Bolt port, on loopback, data under the given directory, settings from neo4j.conf beside
// this file. Run with `java -cp 'target/lib/*' Launcher.java DATA_DIR PORT [PORT...]`
// (the Makefile does). It prints "ready" once every port answers and shuts every DBMS down
// cleanly on SIGTERM or SIGINT.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher DATA_DIR PORT [PORT...]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        Path conf = Path.of(System.getProperty("jcm.conf", "neo4j.conf")).toAbsolutePath();
        List<DatabaseManagementService> services = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (DatabaseManagementService service : services) {
                service.shutdown();
            }
            System.out.println("stopped");
        }));
        for (int i = 1; i < args.length; i++) {
            int port = Integer.parseInt(args[i]);
            Path home = dataDir.resolve("bolt-" + port);
            Files.createDirectories(home);
            DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                    .loadPropertiesFromFile(conf)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .build();
            services.add(service);
            // Blocks until the default database is up.
            service.database("neo4j").executeTransactionally("RETURN 1");
            System.out.println("bolt://127.0.0.1:" + port + " " + home);
        }
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}

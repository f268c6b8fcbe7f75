package kmob;

import java.nio.file.Path;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs a Neo4j Community DBMS in this JVM with Bolt (and optionally HTTP) on loopback and auth on.
 *
 * <p>Arguments: home directory, Bolt port, HTTP port (0 disables HTTP), page cache in MiB. The password
 * comes from the NEO4J_PASSWORD environment variable so it never appears in a process listing.
 */
public final class Neo4jMain {
  private Neo4jMain() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]).toAbsolutePath();
    int boltPort = Integer.parseInt(args[1]);
    int httpPort = Integer.parseInt(args[2]);
    long pageCacheMiB = Long.parseLong(args[3]);
    String host = args.length > 4 ? args[4] : "127.0.0.1";
    String password = System.getenv("NEO4J_PASSWORD");
    if (password == null || password.length() < 8) {
      System.err.println("NEO4J_PASSWORD must be set and at least 8 characters long");
      System.exit(2);
    }

    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, boltPort))
        .setConfig(BoltConnector.advertised_address, new SocketAddress(host, boltPort))
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB));
    if (httpPort > 0) {
      builder.setConfig(HttpConnector.enabled, true)
          .setConfig(HttpConnector.listen_address, new SocketAddress(host, httpPort));
    }
    DatabaseManagementService dbms = builder.build();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      dbms.shutdown();
      System.out.println("NEO4J STOPPED");
    }));

    try {
      setPassword(dbms, password);
    } catch (RuntimeException e) {
      e.printStackTrace();
      // Neo4j's own threads would keep the JVM alive; exit so the launcher sees the failure at once.
      System.exit(1);
    }
    System.out.println("NEO4J READY bolt://" + host + ":" + boltPort + " home=" + home);
    System.out.flush();
    Thread.currentThread().join();
  }

  /**
   * The embedded API bypasses auth, so it can (re)set the password from settings on every start; a changed
   * NEO4J_PASSWORD takes effect on the next start. Setting the same password again is refused by Neo4j,
   * which here means it is already right.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
    } catch (RuntimeException e) {
      if (!String.valueOf(rootMessage(e)).contains("Old password and new password cannot be the same")) {
        throw e;
      }
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}

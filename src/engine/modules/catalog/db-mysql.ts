/**
 * Kamailio 5.6 `db_mysql` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { defineModule } from "../types.js";

export const dbMysqlModule = defineModule({
  name: "db_mysql",
  simulated: false,
  doc: 'MySQL/MariaDB database driver used by the modules that store data (db_url "mysql://..."); it has no script functions.',
  params: {
    ping_interval: {
      type: "int",
      default: 300,
      doc: "Interval between keepalive pings on idle connections, in seconds.",
    },
    connect_timeout: { type: "int", default: 2, doc: "Timeout for connecting to the server, in seconds." },
    send_timeout: { type: "int", default: 0, doc: "Timeout for sending a query, in seconds." },
    receive_timeout: { type: "int", default: 0, doc: "Timeout for receiving a result, in seconds." },
    retries: {
      type: "int",
      default: 1,
      doc: "Number of reconnect attempts when a query fails because the connection was lost.",
    },
    server_timezone: { type: "int", default: 0, doc: "Converts date/time values using the server's time zone." },
    timeout_interval: {
      type: "int",
      default: 2,
      doc: "Timeout passed to the client library for reads and writes, in seconds.",
    },
    auto_reconnect: { type: "int", default: 1, doc: "Reconnects automatically when the connection is lost." },
    insert_delayed: { type: "int", default: 0, doc: "Uses INSERT DELAYED for all inserts." },
    update_affected_found: {
      type: "int",
      default: 0,
      doc: "Counts matched rows instead of changed rows as affected by an update.",
    },
    unsigned_type: { type: "int", default: 0, doc: "Reads unsigned integer columns as unsigned values." },
    opt_ssl_mode: {
      type: "int",
      default: 0,
      doc: "TLS mode for the connection, passed to the MySQL client library; 1 disables TLS, other values follow the library's ssl-mode numbers.",
    },
  },
  functions: {},
});

/** http_client: blocking HTTP requests from the config script, through libcurl. */
import { defineModule, ONREPLY, RouteKind } from "../types.js";

const routes = RouteKind.REQUEST | ONREPLY | RouteKind.FAILURE | RouteKind.BRANCH;

const resultNote =
  'The result must name a writable variable as a quoted string ("$var(r)"); a bare variable is evaluated and its value used as the name.';

export const httpClientModule = defineModule({
  name: "http_client",
  simulated: true,
  doc: "Sends HTTP requests and waits for the answer, which blocks the SIP worker for the whole exchange. Requests go either to a full URL or to a named connection defined with `httpcon`; the response body lands in a variable and the HTTP status becomes the return code.",
  params: {
    connection_timeout: { type: "int", default: 4, doc: "Seconds allowed for a whole request before it fails." },
    cacert: { type: "string", doc: "File with the CA certificates used to check HTTPS servers." },
    client_cert: { type: "string", doc: "Client certificate file for HTTPS." },
    client_key: { type: "string", doc: "Private key file of the client certificate." },
    cipher_suites: { type: "string", doc: "Allowed TLS cipher suites." },
    tlsversion: { type: "int", default: 0, doc: "TLS version to use; 0 lets libcurl choose." },
    verify_peer: { type: "int", default: 1, doc: "1 checks the server certificate." },
    verify_host: { type: "int", default: 2, doc: "2 checks that the certificate names the server host; 0 does not." },
    httpproxyport: { type: "int", default: 0, doc: "Port of the HTTP proxy." },
    httpproxy: { type: "string", doc: "HTTP proxy host for all requests." },
    httpredirect: { type: "int", default: 0, doc: "1 follows 301/302 redirects." },
    useragent: { type: "string", doc: "User-Agent header value; defaults to a Kamailio version string." },
    maxdatasize: { type: "int", default: 0, doc: "Largest response kept by http_connect(), in bytes; 0 = no limit." },
    config_file: { type: "string", doc: "File with connection definitions, an alternative to httpcon." },
    httpcon: {
      type: "string",
      repeatable: true,
      doc: "Defines a named connection: `name=>http[s]://[user:pass@]host[:port]/path;param=value...`; http_connect() appends its url argument to this base.",
    },
    authmethod: {
      type: "int",
      default: 3,
      doc: "Bitmask of HTTP authentication methods to offer (1 basic, 2 digest).",
    },
    keep_connections: { type: "int", default: 0, doc: "1 keeps connections open for reuse by the same process." },
    query_result: {
      type: "int",
      default: 1,
      doc: "What http_client_query() stores: 1 only the first line of the body, 0 the whole body.",
    },
    query_maxdatasize: {
      type: "int",
      default: 0,
      doc: "Largest body kept by http_client_query(), in bytes; 0 = no limit.",
    },
    netinterface: { type: "string", doc: "Local network interface or address to send requests from." },
  },
  functions: {
    http_client_query: {
      arity: [2, 3, 4],
      routes,
      args: ["fparam", "fparam", "fparam", "any"],
      argNames: ["url", "post_data", "headers", "result"],
      returns: "the HTTP status code (>= 100); a libcurl error code (< 100) when no answer came; -1 bad arguments",
      doc: `Requests the URL and stores the response body (first line only with query_result=1) in result. Forms: (url, result) sends a GET; (url, data, result) a POST of data; (url, data, headers, result) adds request headers. An empty data or headers string is ignored. The last argument is always the result. ${resultNote}`,
    },
    http_client_get: {
      arity: [4],
      routes,
      args: ["fparam", "fparam", "fparam", "any"],
      argNames: ["url", "body", "headers", "result"],
      doc: `Sends a GET with an optional body and headers and stores the response body in result. ${resultNote}`,
      simulated: false,
    },
    http_connect: {
      arity: [3, 5],
      routes,
      args: ["any", "fparam", "any", "fparam", "any"],
      argNames: ["connection", "url", "content_type", "data", "result"],
      doc: "Sends a request over a named connection: (connection, url, result) is a GET, (connection, url, content_type, data, result) a POST. The connection name and content type are used as given; the url and data may contain variables.",
      simulated: false,
    },
    http_connect_raw: {
      arity: [5],
      routes,
      args: ["any", "fparam", "any", "any", "any"],
      argNames: ["connection", "url", "content_type", "data", "result"],
      doc: "Like the POST form of http_connect(), but the data is sent as written, without expanding `$` sequences (handy for JSON).",
      simulated: false,
    },
    http_get_redirect: {
      arity: [2],
      routes,
      args: ["any", "any"],
      argNames: ["connection", "result"],
      doc: "Stores in result the URL that the last request on the connection was redirected to.",
      simulated: false,
    },
  },
  pvars: {
    curlerror: {
      inner: "required",
      doc: "`$curlerror(code)`: the libcurl text for an error code, e.g. a small return code of http_client_query().",
    },
  },
  rpc: {
    "httpclient.listcon": { doc: "The named connections with their settings." },
  },
});

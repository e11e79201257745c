/**
 * Kamailio 5.6 `ipops` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule } from "../types.js";

export const ipopsModule = defineModule({
  name: "ipops",
  simulated: false,
  doc: "IP address and DNS helpers: address type tests and comparisons, subnet checks, and DNS, SRV and NAPTR queries into pseudo-variables.",
  params: {},
  functions: {
    is_ip: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["ip"],
      doc: "True when the text is an IPv4 or IPv6 address (IPv6 may be in brackets).",
    },
    is_pure_ip: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["ip"],
      doc: "True when the text is an IPv4 or IPv6 address without brackets.",
    },
    is_ipv4: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["ip"],
      doc: "True when the text is an IPv4 address.",
    },
    is_ipv6: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["ip"],
      doc: "True when the text is an IPv6 address.",
    },
    is_ipv6_reference: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["ip"],
      doc: "True when the text is an IPv6 address in brackets.",
    },
    ip_type: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["ip"],
      doc: "Returns 1 for IPv4, 2 for IPv6, 3 for a bracketed IPv6 address, or -1.",
    },
    detailed_ipv4_type: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["ip", "result"],
      doc: "Stores the IPv4 address class (private, public, loopback...) into the variable.",
    },
    detailed_ipv6_type: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["ip", "result"],
      doc: "Stores the IPv6 address class into the variable.",
    },
    detailed_ip_type: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["ip", "result"],
      doc: "Stores the address class of an IPv4 or IPv6 address into the variable.",
    },
    compare_ips: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["ip1", "ip2"],
      doc: "True when the two addresses are equal (brackets and IPv6 forms are normalised).",
    },
    compare_pure_ips: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["ip1", "ip2"],
      doc: "True when the two addresses without brackets are equal.",
    },
    is_ip_rfc1918: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["ip"],
      doc: "True when the address is in a private (RFC 1918) range.",
    },
    is_in_subnet: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["ip", "subnet"],
      doc: "True when the address is in the subnet (or one of a comma-separated list).",
    },
    dns_sys_match_ip: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["hostname", "ip"],
      doc: "True when the hostname resolves (via the system resolver) to the address.",
    },
    dns_int_match_ip: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["hostname", "ip"],
      doc: "True when the hostname resolves (via Kamailio's resolver) to the address.",
    },
    dns_query: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["hostname", "pvid"],
      doc: "Resolves the hostname and keeps the addresses for $dns(pvid=>...).",
    },
    srv_query: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["srvcname", "pvid"],
      doc: "Resolves SRV records and keeps them for $srvquery(pvid=>...).",
    },
    naptr_query: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["domain", "pvid"],
      doc: "Resolves NAPTR records and keeps them for $naptrquery(pvid=>...).",
    },
    dns_set_local_ttl: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["vttl"],
      doc: "Sets the TTL used for the module's DNS cache entries.",
    },
  },
  pvars: {
    dns: {
      inner: "required",
      doc: "Results of dns_query(): $dns(pvid=>count), $dns(pvid=>addr[n]), $dns(pvid=>type[n]).",
    },
    srvquery: {
      inner: "required",
      doc: "Results of srv_query(): count, target, port, priority and weight of each record.",
    },
    naptrquery: {
      inner: "required",
      doc: "Results of naptr_query(): count, order, pref, flags, services, regex and replacement of each record.",
    },
    HN: {
      inner: "required",
      doc: "Host name details of the local machine: $HN(n) name, $HN(d) domain, $HN(f) full name, $HN(i) address.",
    },
  },
});

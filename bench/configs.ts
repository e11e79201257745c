/** Generated configs for benchmarks: realistic statements, repeated to the size wanted. */

const HEADER = `#!KAMAILIO
#!define WITH_ALERTS
debug=2
log_stderror=yes
children=4

loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "pike.so"
loadmodule "mqueue.so"
loadmodule "rtimer.so"
loadmodule "htable.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "maxfwd.so"

modparam("rtimer", "timer", "name=ta;interval=5;mode=1;")
modparam("rtimer", "exec", "timer=ta;route=QMALERT")
modparam("mqueue", "mqueue", "name=alert;size=1000")
modparam("htable", "htable", "ipban=>size=8;autoexpire=300;initval=0")

request_route {
    route(R0);
}

route[QMALERT] {
    while (mq_fetch("alert")) {
        xlog("L_ALERT", "ALERT: src [$mqk(alert)] - $mqv(alert)\\n");
    }
}
`;

function block(i: number): string {
  return `
# route block ${i}
route[R${i}] {
    if (!mf_process_maxfwd_header("10")) {
        sl_send_reply("483", "Too Many Hops");
        exit;
    }
#!ifdef WITH_ALERTS
    if (!pike_check_req()) {
        mq_add("alert", "$si:$sp", "pike flood detected [$rm] $fu => $ru");
        $sht(ipban=>$si) = 1;
        exit;
    }
#!endif
    $var(n) = $shtinc(ipban=>$si) + 1;
    switch ($rm) {
        case "INVITE":
            if (is_method("INVITE") && has_totag()) {
                xlog("L_INFO", "in-dialog $rm from $fu to $ru ($ci)\\n");
            }
            break;
        default:
            $var(x) = "sip:" + $rU + "@" + $rd;
    }
    while ($var(i) < 3) { $var(i) = $var(i) + 1; }
    route(R${i + 1});
}
`;
}

/** A config of about `lines` lines. */
export function frontEndConfig(lines: number): string {
  let text = HEADER;
  let i = 0;
  while (text.split("\n").length < lines) text += block(i++);
  text += `\nroute[R${i}] {\n    sl_send_reply("200", "OK");\n}\n`;
  return text;
}

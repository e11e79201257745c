/**
 * Every module the checker knows by declaration only (not simulated): Kamailio 5.6 modules whose
 * parameters, functions and pseudo-variables are catalogued so configs using them are checked.
 */
import type { ModuleDef } from "../types.js";
import { aliasDbModule } from "./alias-db.js";
import { asyncModule } from "./async.js";
import { authModule } from "./auth.js";
import { authDbModule } from "./auth-db.js";
import { avpopsModule } from "./avpops.js";
import { dbMysqlModule } from "./db-mysql.js";
import { debuggerModule } from "./debugger.js";
import { dialogModule } from "./dialog.js";
import { dialplanModule } from "./dialplan.js";
import { dispatcherModule } from "./dispatcher.js";
import { domainModule } from "./domain.js";
import { execModule } from "./exec.js";
import { ipopsModule } from "./ipops.js";
import { janssonModule } from "./jansson.js";
import { natTraversalModule } from "./nat-traversal.js";
import { nathelperModule } from "./nathelper.js";
import { pathModule } from "./path.js";
import { permissionsModule } from "./permissions.js";
import { presenceModule } from "./presence.js";
import { presenceXmlModule } from "./presence-xml.js";
import { rtpengineModule } from "./rtpengine.js";
import { rtpproxyModule } from "./rtpproxy.js";
import { sdpopsModule } from "./sdpops.js";
import { speeddialModule } from "./speeddial.js";
import { sqlopsModule } from "./sqlops.js";
import { statisticsModule } from "./statistics.js";
import { tlsModule } from "./tls.js";
import { topohModule } from "./topoh.js";
import { uacModule } from "./uac.js";

export const catalogModules: readonly ModuleDef[] = [
  aliasDbModule,
  asyncModule,
  authModule,
  authDbModule,
  avpopsModule,
  dbMysqlModule,
  debuggerModule,
  dialogModule,
  dialplanModule,
  dispatcherModule,
  domainModule,
  execModule,
  ipopsModule,
  janssonModule,
  natTraversalModule,
  nathelperModule,
  pathModule,
  permissionsModule,
  presenceModule,
  presenceXmlModule,
  rtpengineModule,
  rtpproxyModule,
  sdpopsModule,
  speeddialModule,
  sqlopsModule,
  statisticsModule,
  tlsModule,
  topohModule,
  uacModule,
];

/**
 * The dashboard's panels below the controls and counters, in a chunk of their own: the page
 * loads and renders them once Monaco has drawn the config (App.tsx), so that neither their code
 * nor their first render shares the CPU with the editor's start (issue 9's ready time).
 */
import { LogPanel } from "./panels/log/LogPanel.js";
import { PANELS } from "./panels/registry.js";
import { TracePane } from "./panels/trace/TracePane.js";

export default function DashboardPanels() {
  const { Traffic, Queues, Timers, Pike, Processes, Ladder, Registrations, Transactions, Rpc } = PANELS;
  return (
    <>
      <Traffic />
      <div className="row2">
        <Queues />
        <Timers />
      </div>
      <div className="row2">
        <Pike />
        <Processes />
      </div>
      <LogPanel />
      <Ladder />
      <TracePane />
      <div className="row2">
        <Registrations />
        <Transactions />
      </div>
      <Rpc />
    </>
  );
}

// Reads an .ics file the way Thunderbird does (Mozilla's ical.js) and prints, for each
// VEVENT, its UID, summary, status, sequence and start/end in UTC (resolved through the
// file's own VTIMEZONE blocks, never through a zone database).
// usage: node read_with_icaljs.cjs <path to ical.es5.cjs> <file.ics>
const fs = require("fs");
const ICAL = require(process.argv[2]);
const text = fs.readFileSync(process.argv[3], "utf8");
const root = new ICAL.Component(ICAL.parse(text));
for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(vtimezone);
}
const events = root.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    summary: event.summary,
    status: component.getFirstPropertyValue("status"),
    sequence: event.sequence,
    zone: event.startDate.zone ? event.startDate.zone.tzid : null,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
  };
});
process.stdout.write(JSON.stringify({
  name: root.getFirstPropertyValue("x-wr-calname"),
  ttl: root.getFirstPropertyValue("x-published-ttl") ? root.getFirstPropertyValue("x-published-ttl").toString() : null,
  events,
}));

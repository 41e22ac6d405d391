// Runs before `npm install`: stop at once, in one line, on a Node that can't run Fortnight.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Fortnight needs Node 22.12 or newer (Node 24 recommended); this is Node ${process.versions.node}.`,
  );
  process.exit(1);
}

/**
 * The Node.js version check of the bundled CLI (build time; the string runs in plain Node). It
 * is prepended to dist/cli/o2g-presence.cjs as an esbuild banner, right after the shebang, so it
 * runs before any bundled module is evaluated: on an older Node, undici fails while loading
 * (`Cannot read properties of undefined (reading 'bind')`) before our own code could say why.
 * One line of ES5 CommonJS, so that even a very old Node can run it.
 */

/** The oldest Node the CLI runs on (package.json "engines"). */
export const MINIMUM_NODE = [22, 12] as const;

export const NODE_VERSION_GUARD =
  '(function(){var v=process.versions.node.split(".").map(Number);' +
  `if(v[0]<${MINIMUM_NODE[0]}||(v[0]===${MINIMUM_NODE[0]}&&v[1]<${MINIMUM_NODE[1]})){` +
  `process.stderr.write("o2g-presence needs Node.js ${MINIMUM_NODE.join('.')} or newer ` +
  '(this is "+process.versions.node+")\\n");process.exit(1);}})();';

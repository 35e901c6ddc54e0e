/**
 * A line of LaTeX markup (blind benign set 16's sciwrite/0, read: an online TeX editor saving a document as its lines,
 * `\usepackage[utf8]{inputenc}` 0.88, `\addbibresource{refs.bib}` 0.81, `\graphicspath{{figures/}}` 0.96) is a document's
 * markup; a LaTeX injection's file, shell and definition commands and the shapes other injections need keep it scored.
 */
import { describe, expect, it } from 'vitest';
import { isTexMarkup } from '../../src/model/tex-markup.js';
import { INJECTION_WORDS, mayCarryAttack } from '../../src/model/screen.js';

const tex = (t: string): boolean => isTexMarkup(t, INJECTION_WORDS);

describe('isTexMarkup', () => {
  it('takes preamble and body lines of control words, options, arguments and math', () => {
    for (const t of [
      '\\documentclass[11pt,a4paper]{article}', '\\usepackage[utf8]{inputenc}', '\\usepackage{amsmath,amssymb,graphicx,hyperref}',
      '\\addbibresource{refs.bib}', '\\graphicspath{{figures/}}', '\\graphicspath{{figures/}{img/plots/}}', '\\newcommand{\\E}{\\mathbb{E}}',
      '\\author{A.~Osei \\and M.~Lindqvist}', '\\begin{document}', '\\section{Results}', '\\caption{Var vs.\\ $n$.}\\label{fig:var}',
      '\\begin{figure}[t]\\centering\\includegraphics[width=.8\\linewidth]{fig2-variance.pdf}',
    ]) {
      expect(tex(t), t).toBe(true);
      expect(mayCarryAttack(t), t).toBe(false);
    }
  });

  it('leaves file reads, shell escapes, definitions, links, templates and other injections to be judged', () => {
    for (const t of [
      '\\input{sections/intro}', '\\include{sections/method}', '\\input{/etc/passwd}', '\\immediate\\write18{id}', '\\lstinputlisting{/etc/passwd}',
      '\\newread\\file \\openin\\file=/etc/passwd', '\\def\\x{\\input}\\x{/etc/passwd}', '\\csname input\\endcsname{/etc/passwd}',
      '\\inp^^75t{/etc/passwd}', '\\href{javascript:alert(1)}{click}', '\\url{http://attacker.example/x}', '\\graphicspath{{7*7}}',
      '\\graphicspath{{config}}', '\\textbf{{{7*7}}}', '\\textbf{${7*7}}', '\\textbf{$(id)}', '\\section{1 OR 1=1}', "\\usepackage{x}' OR '1'='1",
      '\\title{<script>alert(1)</script>}', '\\section{x && cat /etc/passwd}', '\\addbibresource{/etc/passwd}', '\\graphicspath{{/etc/}}',
      '\\graphicspath{{../../}}', '\\addbibresource{~/.ssh/id_rsa}', '\\title{a|b}', '\\section{x}%', '\\@input{x}', '\\section{x', '\\section}x{',
      'plain text \\emph{x}', '\\x{7*7}', '\\T{ 7 * 7 }',
    ]) expect(tex(t), t).toBe(false);
  });
});

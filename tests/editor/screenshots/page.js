// The page the screenshots are taken of: the Monaco editor (VS Code's editor component)
// with monaco-yaml, which runs yaml-language-server in a web worker. The schema is given
// inline under the URI the file's modeline resolves to, so nothing is fetched.
import * as monaco from 'monaco-editor';
import { configureMonacoYaml } from 'monaco-yaml';

window.MonacoEnvironment = {
  getWorker(_, label) {
    return new Worker(label === 'yaml' ? './yaml.worker.js' : './editor.worker.js');
  },
};

const schema = await (await fetch('./provision.schema.json')).json();
configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  format: false,
  schemas: [{ uri: 'file:///schema/provision.schema.json', fileMatch: ['**/provisions/*.yaml'], schema }],
});
const doc = new URLSearchParams(location.search).get('doc');
const text = await (await fetch(`./${doc}`)).text();
const uri = monaco.Uri.parse('file:///positions/csar/provisions/detection-orders.yaml');
window.editor = monaco.editor.create(document.getElementById('editor'), {
  model: monaco.editor.createModel(text, 'yaml', uri),
  theme: 'vs',
  fontSize: 15,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  quickSuggestions: false,
});
window.ready = true;

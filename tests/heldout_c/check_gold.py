"""Stand-alone consistency check for held-out set C (does not use the extractor)."""
import json, os, re, sys, collections
import yaml
HERE = os.path.dirname(os.path.abspath(__file__))
CB = yaml.safe_load(open('/work/shared/spec/codebook.yaml'))
ids = {k: set(CB[k]) for k in ['posts','persons','bodies','states','instruments','mechanisms','issues','actions','stances']}
actors = ids['bodies'] | ids['states']
FT = CB['fact_types']
DATE = re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?$')
errs = []
def err(*a): errs.append(' '.join(map(str, a)))
def enum_of(spec):
    if isinstance(spec, list): return set(spec)
    if isinstance(spec, str) and spec in ids: return ids[spec]
    return None
files = sorted(f[:-4] for f in os.listdir(f'{HERE}/corpus') if f.endswith('.txt'))
lines = [json.loads(l) for l in open(f'{HERE}/gold.jsonl') if l.strip()]
if [g['id'] for g in lines] != files: err('ids/files mismatch', [g['id'] for g in lines], files)
counts = collections.Counter(); nrec = 0; lens = []
for g in lines:
    nn = g['id']; text = open(f'{HERE}/corpus/{nn}.txt').read(); lens.append(len(text))
    side = json.load(open(f'{HERE}/corpus/{nn}.json'))
    for k in ['title','outlet','published','url','sample','note']:
        if k not in side: err(nn, 'sidecar missing', k)
    if side['published'] != g['published']: err(nn, 'published mismatch')
    if not (1 <= len(g['issues']) <= 4) or not set(g['issues']) <= ids['issues']: err(nn, 'issues', g['issues'])
    if g['stance'] not in ids['stances']: err(nn, 'stance')
    for f in g['facts']:
        t = f['type']; counts[t] += 1
        if t not in FT: err(nn, 'bad type', t); continue
        fields = FT[t]['fields']
        for k, v in f.items():
            if k in ('type', 'quote', 'person_name'): continue
            if k not in fields: err(nn, t, 'unknown field', k); continue
            spec = fields[k]
            if spec == 'date' or k in ('date', 'since', 'as_of'):
                if not DATE.match(str(v)): err(nn, t, 'bad date', k, v)
            elif spec == 'int' or k in ('yes', 'no', 'abstain', 'cosponsors', 'count', 'year'):
                if not isinstance(v, int): err(nn, t, 'not int', k, v)
            elif k == 'chamber':
                if v not in ('us_house', 'us_senate', 'rok_national_assembly'): err(nn, 'chamber', v)
            else:
                e = enum_of(spec)
                if e is not None and v not in e: err(nn, t, 'bad value', k, v)
        if t == 'instrument_event' and f['event'] == 'passed_chamber' and 'chamber' not in f: err(nn, 'no chamber')
        if f['quote'] not in text: err(nn, 'quote not in text:', f['quote'])
    seen = set()
    for r in g['recommendations']:
        nrec += 1
        if 'by' in r and r['by'] not in actors | {'author'}: err(nn, 'rec by', r['by'])
        if r['addressee'] not in actors: err(nn, 'rec addressee', r['addressee'])
        if r['action'] not in ids['actions']: err(nn, 'rec action', r['action'])
        key = (r['addressee'], r['action'])
        if key in seen: err(nn, 'duplicate rec', key)
        seen.add(key)
        if r['quote'] not in text: err(nn, 'rec quote not in text:', r['quote'])
print('documents', len(lines)); print('facts', sum(counts.values()), dict(sorted(counts.items())))
print('recommendations', nrec); print('lengths', sorted(lens)); print('over 3500:', sum(l > 3500 for l in lens))
print('\n'.join(errs) if errs else 'ALL CHECKS PASSED')
sys.exit(1 if errs else 0)

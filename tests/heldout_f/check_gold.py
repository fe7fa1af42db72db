import json, os, re, yaml, collections
base=os.path.dirname(os.path.abspath(__file__))
cb=yaml.safe_load(open("/work/shared/spec/codebook.yaml"))
ft=cb["fact_types"]
ids={"posts":set(cb["posts"]),"persons":set(cb["persons"]),"mechanisms":set(cb["mechanisms"]),
     "instruments":set(cb["instruments"]),"states":set(cb["states"])}
bodies=set(cb["bodies"]); states=set(cb["states"]); actions=set(cb["actions"]); issues=set(cb["issues"]); stances=set(cb["stances"])
datere=re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
errs=[]; nf=collections.Counter(); nr=0
gold=[json.loads(l) for l in open(f"{base}/gold.jsonl") if l.strip()]
files=sorted(f[:-4] for f in os.listdir(f"{base}/corpus") if f.endswith(".txt"))
if [g["id"] for g in gold]!=files: errs.append(("ids",files))
long=0
for g in gold:
    i=g["id"]; text=open(f"{base}/corpus/{i}.txt").read()
    if len(text)>3500: long+=1
    if not 1500<=len(text)<=6000: errs.append((i,"len",len(text)))
    sc=json.load(open(f"{base}/corpus/{i}.json"))
    if sc["published"]!=g["published"]: errs.append((i,"published"))
    if set(sc)!={"title","outlet","published","url","sample","note"}: errs.append((i,"sidecar keys"))
    if set(g)!={"id","published","issues","stance","facts","recommendations"}: errs.append((i,"keys"))
    if not 1<=len(g["issues"])<=4 or not set(g["issues"])<=issues or len(set(g["issues"]))!=len(g["issues"]): errs.append((i,"issues"))
    if g["stance"] not in stances: errs.append((i,"stance"))
    for f in g["facts"]:
        t=f["type"]; nf[t]+=1
        if t not in ft: errs.append((i,"type",t)); continue
        fields=ft[t]["fields"]
        for k,v in f.items():
            if k in ("type","quote"): continue
            if k=="person_name": continue
            if k not in fields: errs.append((i,t,"field",k)); continue
            spec=fields[k]
            if isinstance(spec,list):
                if v not in spec: errs.append((i,t,k,v))
            elif spec=="date":
                if not datere.match(str(v)): errs.append((i,t,k,v))
            elif spec=="int":
                if not isinstance(v,int): errs.append((i,t,k,v))
            elif spec in ids:
                if v not in ids[spec]: errs.append((i,t,k,v))
            elif k=="chamber":
                if v not in ("us_house","us_senate","rok_national_assembly"): errs.append((i,t,k,v))
            else: errs.append((i,t,"unchecked",k,spec))
        if f["quote"] not in text: errs.append((i,"quote",f["quote"]))
        if t=="instrument_event" and f["event"]=="passed_chamber" and "chamber" not in f: errs.append((i,"chamber missing"))
    vac=collections.Counter(f["post"] for f in g["facts"] if f["type"]=="post_vacancy")
    if any(c>1 for c in vac.values()): errs.append((i,"vacancy dup"))
    pairs=set()
    for r in g["recommendations"]:
        nr+=1
        if "by" in r and r["by"] not in bodies|states|{"author"}: errs.append((i,"by",r["by"]))
        if r["addressee"] not in bodies|states: errs.append((i,"addr",r["addressee"]))
        if r["action"] not in actions: errs.append((i,"action",r["action"]))
        if r["quote"] not in text: errs.append((i,"rquote",r["quote"]))
        p=(r["addressee"],r["action"])
        if p in pairs: errs.append((i,"dup pair",p))
        pairs.add(p)
        if set(r)-{"by","addressee","action","quote"}: errs.append((i,"rkeys"))
print("errors:",errs)
print("docs",len(gold),"long>3500:",long,"facts",sum(nf.values()),dict(nf),"recs",nr)

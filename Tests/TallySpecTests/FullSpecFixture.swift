/// The lead's design example, completed: every part and every block type, valid.
let fullSpec = """
    # yaml-language-server: $schema=../tally.schema.json
    version: 1
    report:
      title: First contact resolution after the triage script
      subtitle: Baseline Jan–Jun 2025 vs post Jul–Dec 2025 — {{ params.team }}
      organisation: Northwind Energy — Customer Care
      author: Sam Patel, Service Quality Lead
      as_of: 2026-01-05
      locale: en-GB
      timezone: Europe/London
      keywords: [FCR, triage]
    params:
      team: { type: text, default: All teams, description: The team the report is about }
      min_contacts: { type: number, default: 30 }
    data:
      tickets:
        file: ../SampleData/tickets.csv
        delimiter: auto
        encoding: utf-8
        decimal: "."
        thousands: ""
        missing: ["", NA, N/A, null]
        booleans: { true: [Y, yes, true, 1], false: [N, no, false, 0] }
        bad_rows: fail
        columns:
          opened_at: { type: datetime, timezone: Europe/London }
          fcr: boolean
          survey_date: { type: date, format: dd/MM/yyyy }
          Customer Name: text
        filter: '=channel<>"test"'
        computed:
          handle_min: '=handle_time_sec/60'
      surveys:
        file: ../SampleData/surveys.csv
        delimiter: ";"
        decimal: ","
        thousands: "."
    phases:
      # one time column per dataset, so KPIs of both datasets fall into phases
      time: { tickets: opened_at, surveys: submitted_at }
      periods:
        - id: baseline
          label: Baseline
          from: 2025-01-06
          to: 2025-07-06
        - id: post
          label: After triage script
          from: 2025-07-07
          change: { label: Triage script live, reason: New triage script and complaint procedure }
      exclude:
        - { from: 2025-03-10, to: 2025-03-16, reason: National outage }
    kpis:
      fcr:
        label: First contact resolution
        builtin: fcr
        columns: { fcr: first_contact_resolved }
        dataset: tickets
        format: percent
        decimals: 1
        better: higher
        target: 75%
        expected: 72%
        method: auto
        period: week
      csat: { builtin: csat, dataset: surveys }
      aht: { builtin: aht, dataset: tickets, target: 420 }
      complaints: { builtin: complaints_per_1000, dataset: tickets }
      escalations:
        formula: '=COUNTIF(escalated,TRUE)/COUNT(escalated)'
        dataset: tickets
        format: percent
        better: lower
        description: Share of tickets escalated to second line.
    sections:
      - title: Summary
        id: summary
        blocks:
          - type: text
            text: |
              First contact resolution rose from **{{ fcr.baseline | percent }}** to **{{ fcr.post | percent }}**
              ({{ fcr.change | signed | points }}) for {{ params.team }}.
          - type: kpi_tiles
            kpis: [fcr, csat]
            width: 6
          - type: variance_table
            kpis: [fcr, csat, aht]
            phases: [baseline, post]
          - type: prepost_chart
            id: fcr-prepost
            kpis: [fcr]
            title: FCR before and after
            subtitle: Weekly share of contacts resolved first time
            caption: Bars show 95% intervals.
      - title: Over time
        blocks:
          - { type: trend_chart, id: fcr-trend, kpi: fcr, period: week, show_target: true }
          - type: control_chart
            id: fcr-p
            kpi: fcr
            chart: p
            period: week
            rules: nhs
            limits: freeze
            show_zones: true
          - { type: control_chart, id: aht-xmr, kpi: aht, chart: xmr, rules: western-electric }
          - { type: control_chart, id: complaints-u, kpi: complaints, chart: u }
          - { type: run_chart, id: fcr-run, kpi: fcr, period: month, rules: anhoej }
          - { type: small_multiples, id: fcr-teams, kpi: fcr, by: team, limit: 8 }
      - title: Why
        id: causes
        blocks:
          - { type: pareto, id: reasons, dataset: tickets, category: contact_reason, weight: handle_min, threshold: 80%, top: 8, phase: post }
          - { type: distribution, id: aht-dist, kpi: aht, kind: boxplot, by_phase: true }
          - { type: distribution, id: handle-hist, column: handle_min, dataset: tickets }
          - { type: likert, id: ease, dataset: surveys, column: q_ease, scale: 5, labels: [Very hard, Hard, Neutral, Easy, Very easy] }
          - { type: servqual_gap, id: servqual, dataset: surveys, waves: wave, dimension: dimension }
          - type: table
            dataset: tickets
            columns: [ticket_id, team, handle_min]
            sort: [-handle_min, team]
            limit: 10
            formats: { handle_min: number }
            filter: '=escalated'
          - { type: quotes, dataset: surveys, text: comment, filter: '=score<=2', limit: 5 }
          - { type: findings, kpis: [fcr, aht] }
          - type: page_break
    evidence:
      qualification: Level 5 Diploma in Customer Service
      unit: Unit 3 — Improving service quality
      learner: Sam Patel
      criteria:
        - { id: "3.1", text: Evaluate the effectiveness of a service improvement, evidenced_by: [summary, fcr-prepost] }
      signatures: [ { role: Learner, name: Sam Patel }, { role: Assessor }, { role: Witness } ]
    batch:
      for_each: team
      dataset: tickets
    output:
      formats: [pdf, png]
      directory: out/first-contact-resolution
      page: { size: A4, orientation: portrait }
      dpi: 150
      theme: default
      font: DejaVu Sans

    """
